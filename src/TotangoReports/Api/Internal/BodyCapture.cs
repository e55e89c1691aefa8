namespace TotangoReports.Api.Internal;

/// <summary>
/// Takes the response body as one exact-size array. RestSharp's default keeps the bytes and also decodes them into
/// a string (three copies of every page); a 1000-account stats page is megabytes, so one copy it is.
/// </summary>
internal sealed class BodyCapture
{
    public byte[] Bytes { get; private set; } = [];

    /// <summary>For <c>RestRequest.ResponseWriter</c>: the content is already buffered by HttpClient, so reading is not I/O.</summary>
    public Stream? Read(Stream stream)
    {
        if (stream.CanSeek)
        {
            var bytes = new byte[stream.Length - stream.Position];
            stream.ReadExactly(bytes);
            Bytes = bytes;
        }
        else
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            Bytes = copy.ToArray();
        }

        return null;
    }
}
