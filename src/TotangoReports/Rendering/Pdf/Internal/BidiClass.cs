namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>The subset of Unicode bidi classes our simplified algorithm distinguishes.</summary>
internal enum BidiClass : byte
{
    /// <summary>Neutral: spaces, punctuation, symbols.</summary>
    Neutral,
    LeftToRight,
    RightToLeft,
    ArabicLetter,
    EuropeanNumber,
    ArabicNumber,
    NonSpacingMark,
}
