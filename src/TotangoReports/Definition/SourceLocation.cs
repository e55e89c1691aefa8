namespace TotangoReports.Definition;

/// <summary>A position in a definition or template file, 1-based, printed as <c>file:line:col</c>.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>A location naming only <paramref name="file"/>.</summary>
    public static SourceLocation None(string file) => new(file, 0, 0);

    /// <summary><c>file:line:col</c>, or the file alone when there is no line.</summary>
    public override string ToString() =>
        Line <= 0 ? File : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}");
}
