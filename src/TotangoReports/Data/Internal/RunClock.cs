using Scriban;
using Scriban.Functions;
using Scriban.Parsing;
using Scriban.Runtime;

namespace TotangoReports.Data.Internal;

/// <summary>
/// Scriban's <c>date.now</c> is the machine's clock in the machine's zone; a report's "now" is the run's (<c>--as-of</c>
/// when given, the sample's anchor) in the report's zone. Installed in every context that evaluates expressions or
/// templates, so <c>Date &gt;= (date.now | date.add_days (-30))</c> means the same 30 days as the data.
/// </summary>
internal static class RunClock
{
    public static void Install(TemplateContext context, DateTimeOffset now, TimeZoneInfo zone)
    {
        var builtins = (ScriptObject)context.BuiltinObject;
        builtins.Remove("date");
        builtins.SetValue("date", new RunDateFunctions(now, zone), readOnly: true);
    }

    /// <summary>
    /// Scriban's <c>date</c> object with <c>now</c> answered first: Scriban resolves its built-in functions before the
    /// object's own entries, so replacing the <c>now</c> entry has no effect.
    /// </summary>
    private sealed class RunDateFunctions(DateTimeOffset now, TimeZoneInfo zone) : DateTimeFunctions
    {
        // On the report zone's clock with no Kind, exactly as date cells reach expressions (ScriptValues.FromCell), so
        // the two compare tick for tick whatever the machine's own zone is.
        private readonly DateTime _clock = TimeZoneInfo.ConvertTime(now, zone).DateTime;

        public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
        {
            // Scriban has no date.utc_now or date.today; date.now is the one clock to replace.
            if (member == "now")
            {
                value = _clock;
                return true;
            }

            return base.TryGetValue(context, span, member, out value);
        }
    }
}
