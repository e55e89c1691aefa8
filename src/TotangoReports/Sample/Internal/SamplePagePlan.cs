using TotangoReports.Api;

namespace TotangoReports.Sample.Internal;

/// <summary>Which accounts one sample page holds: <see cref="Count"/> members from <see cref="Start"/>.</summary>
internal sealed record SamplePagePlan(ActiveListQuery Query, IReadOnlyList<int> Members, int Start, int Count, int Length, int Offset);
