using System.Text.RegularExpressions;

namespace TotangoReports.Definition.Internal;

/// <summary>Binds <c>delivery.email</c>: recipients, subject template, body and attachments.</summary>
internal static partial class DeliveryBinder
{
    private static readonly string[] EmailKeys = ["to", "cc", "bcc", "subject", "body", "attach", "when"];
    private static readonly (string Name, MailWhen Value)[] Whens = [("always", MailWhen.Always), ("not-empty", MailWhen.NotEmpty), ("changed", MailWhen.Changed)];

    public static DeliveryDefinition? Bind(YamlNode? node, DiagnosticBag bag, IReadOnlyList<OutputDefinition> outputs)
    {
        if (node is null)
        {
            return null;
        }

        var map = MapReader.Read(node, bag, "delivery", ["email"]);
        var emailNode = map.Get("email");
        if (!map.IsValid || emailNode is null)
        {
            return map.IsValid ? new DeliveryDefinition() : null;
        }

        var email = MapReader.Read(emailNode, bag, "delivery.email", EmailKeys);
        if (!email.IsValid)
        {
            return null;
        }

        var to = Addresses(email.Get("to"), bag, "to");
        if (to.Count == 0 && email.Get("to") is null or { Kind: YamlNodeKind.Sequence, Items.Count: 0 } && (email.Has("to") || email.ReportMissing("to")))
        {
            bag.Error(email.KeyNode("to") ?? emailNode, "delivery.email needs 'to': at least one address");
        }

        var subject = Values.Text(email.Get("subject"), bag, "subject");
        if (subject is not null)
        {
            ExpressionChecker.CheckTemplate(email.Get("subject")!, subject, "subject", bag);
        }

        var bodyNode = email.Get("body");
        var body = Values.Text(bodyNode, bag, "body");
        if (body is not null and not ("html" or "summary"))
        {
            bag.Error(bodyNode!, $"body must be html or summary, found '{body}'{Suggestions.Hint(body, ["html", "summary"])}");
            body = null;
        }
        else if (body == "html" && !outputs.Any(o => o.Format == OutputFormat.Html) && outputs.Count > 0)
        {
            bag.Error(bodyNode ?? emailNode, "body: html needs an html output to use as the mail body; add one or write body: summary");
        }

        var attach = new List<OutputFormat>();
        foreach (var (_, item) in Values.TextOrList(email.Get("attach"), bag, "attach"))
        {
            if (Values.OneOf(item, bag, "attach", OutputBinder.Formats) is not { } format)
            {
                continue;
            }

            if (outputs.Count > 0 && !outputs.Any(o => o.Format == format))
            {
                bag.Error(item, $"attach names {item.Value}, but no output has format {item.Value}");
            }
            else if (!attach.Contains(format))
            {
                attach.Add(format);
            }
        }

        var defaults = new EmailDeliveryDefinition();
        return new DeliveryDefinition
        {
            Email = new EmailDeliveryDefinition
            {
                To = to,
                Cc = Addresses(email.Get("cc"), bag, "cc"),
                Bcc = Addresses(email.Get("bcc"), bag, "bcc"),
                Subject = subject ?? defaults.Subject,
                // Without a body key: the html output when there is one, else the plain summary.
                Body = body ?? (outputs.Any(o => o.Format == OutputFormat.Html) ? defaults.Body : "summary"),
                Attach = attach,
                When = Values.OneOf(email.Get("when"), bag, "delivery.email.when", Whens) ?? MailWhen.Always,
                Location = bag.Location(emailNode),
            },
        };
    }

    private static List<string> Addresses(YamlNode? node, DiagnosticBag bag, string what)
    {
        var result = new List<string>();
        foreach (var (value, item) in Values.TextOrList(node, bag, what))
        {
            if (Address().IsMatch(value))
            {
                result.Add(value);
            }
            else
            {
                bag.Error(item, $"'{value}' in {what} is not an email address (name@example.com)");
            }
        }

        return result;
    }

    [GeneratedRegex(@"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")]
    private static partial Regex Address();
}
