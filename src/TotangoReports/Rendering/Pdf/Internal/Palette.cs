using SkiaSharp;

namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>The house colours, shared with the charts' accent and health colours.</summary>
internal static class Palette
{
    public static readonly SKColor Text = new(0x21, 0x21, 0x21);
    public static readonly SKColor Muted = new(0x61, 0x61, 0x61);
    public static readonly SKColor Accent = new(0x15, 0x65, 0xC0);
    public static readonly SKColor Rule = new(0xBD, 0xBD, 0xBD);
    public static readonly SKColor HeaderFill = new(0xE3, 0xEA, 0xF3);
    public static readonly SKColor Zebra = new(0xF5, 0xF7, 0xFA);
    public static readonly SKColor BandFill = new(0xEC, 0xEF, 0xF1);
    public static readonly SKColor TileFill = new(0xF7, 0xF9, 0xFC);
    public static readonly SKColor Good = new(0x2E, 0x7D, 0x32);
    public static readonly SKColor Average = new(0xF9, 0xA8, 0x25);
    public static readonly SKColor Poor = new(0xC6, 0x28, 0x28);
}
