using System.Runtime.InteropServices;
using HarfBuzzSharp;

namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>
/// A HarfBuzz blob over a native copy of the font bytes, freed when HarfBuzz releases the blob. Font data must
/// not move while HarfBuzz holds pointers into it, which a managed array can do at any garbage collection.
/// </summary>
internal static class NativeBlob
{
    public static Blob Create(byte[] data)
    {
        var memory = Marshal.AllocHGlobal(data.Length);
        Marshal.Copy(data, 0, memory, data.Length);
        return new Blob(memory, data.Length, MemoryMode.ReadOnly, () => Marshal.FreeHGlobal(memory));
    }
}
