namespace TotangoReports.Definition.Internal;

internal enum YamlNodeKind
{
    Scalar,
    Mapping,
    Sequence,
}
