using System.Text.Json;
using TotangoReports.Definition;

namespace TotangoReports.Api;

/// <summary>
/// Receives accounts as the fetch pipeline reads them, so that memory holds projected rows, not raw pages.
/// The pipeline calls it from one thread at a time, in list order, once per unique <c>account_id</c> per return type.
/// The element is only valid during the call: copy what you keep.
/// </summary>
internal interface IAccountSink
{
    void Add(ReturnType returnType, JsonElement account);
}
