using System.Runtime.CompilerServices;
using SkiaSharp;

namespace TotangoReports.Tests.Rendering.Visual;

/// <summary>
/// Compares a rendering with a committed PNG within a tolerance. On a mismatch the rendering and a diff image
/// (differing pixels red over a faded baseline) are written to the temp folder and named in the failure.
/// <c>UPDATE_BASELINES=1 dotnet test --filter "FullyQualifiedName~Visual"</c> rewrites every baseline instead;
/// look at the PNGs, then commit them.
/// </summary>
internal static class ImageBaseline
{
    /// <summary>A pixel differs when any channel is off by more than this (anti-aliasing noise stays under it).</summary>
    public const int ChannelTolerance = 48;

    /// <summary>At most this share of pixels may differ.</summary>
    public const double PixelTolerance = 0.002;

    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_BASELINES") == "1";

    public static void Compare(SKBitmap actual, string path)
    {
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            Write(actual, path);
            return;
        }

        AssertMatches(actual, path);
    }

    /// <summary>The comparison itself, whatever <see cref="Updating"/> says.</summary>
    public static void AssertMatches(SKBitmap actual, string path)
    {
        File.Exists(path).ShouldBeTrue($"Baseline {path} is missing: run the test once with UPDATE_BASELINES=1, check the PNG and commit it.");
        using var expected = SKBitmap.Decode(path);
        var name = Path.GetFileNameWithoutExtension(path);
        if (expected.Width != actual.Width || expected.Height != actual.Height)
        {
            var dump = Path.Combine(Path.GetTempPath(), "actual-" + name + ".png");
            Write(actual, dump);
            Assert.Fail($"{path} is {expected.Width}×{expected.Height}, the rendering {actual.Width}×{actual.Height} (at {dump}).");
        }

        // A pixel differs when no pixel of the baseline within one pixel of it matches: Chromium and pdftoppm may
        // place a glyph run a sub-pixel apart from one run to the next, which a strict per-pixel diff reads as a
        // whole column of text changed; a broken layout moves far more than one pixel.
        var actualPixels = actual.Pixels;
        var expectedPixels = expected.Pixels;
        using var diff = new SKBitmap(actual.Width, actual.Height);
        var different = 0;
        for (var y = 0; y < actual.Height; y++)
        {
            for (var x = 0; x < actual.Width; x++)
            {
                var e = expectedPixels[(y * actual.Width) + x];
                var off = !MatchesNear(actualPixels[(y * actual.Width) + x], expectedPixels, x, y, actual.Width, actual.Height);
                if (off)
                {
                    different++;
                }

                var grey = (byte)(200 + ((e.Red + e.Green + e.Blue) / 3 * 55 / 255));
                diff.SetPixel(x, y, off ? SKColors.Red : new SKColor(grey, grey, grey));
            }
        }

        var share = (double)different / (actual.Width * actual.Height);
        if (share > PixelTolerance)
        {
            var dump = Path.Combine(Path.GetTempPath(), "actual-" + name + ".png");
            var diffPath = Path.Combine(Path.GetTempPath(), "diff-" + name + ".png");
            Write(actual, dump);
            Write(diff, diffPath);
            share.ShouldBeLessThanOrEqualTo(PixelTolerance, $"{different} pixels differ from {path}; the rendering is at {dump}, the difference at {diffPath}. If the change is intended, run with UPDATE_BASELINES=1 and commit the new baseline.");
        }
    }

    private static bool MatchesNear(SKColor a, SKColor[] expected, int x, int y, int width, int height)
    {
        for (var dy = -1; dy <= 1; dy++)
        {
            for (var dx = -1; dx <= 1; dx++)
            {
                var (nx, ny) = (x + dx, y + dy);
                if (nx < 0 || ny < 0 || nx >= width || ny >= height)
                {
                    continue;
                }

                var e = expected[(ny * width) + nx];
                if (Math.Abs(a.Red - e.Red) <= ChannelTolerance && Math.Abs(a.Green - e.Green) <= ChannelTolerance && Math.Abs(a.Blue - e.Blue) <= ChannelTolerance)
                {
                    return true;
                }
            }
        }

        return false;
    }

    public static string Folder([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "Baselines");

    private static void Write(SKBitmap bitmap, string path)
    {
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100)!;
        File.WriteAllBytes(path, data.ToArray());
    }
}
