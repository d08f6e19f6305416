namespace SchoolSight.Web.Api;

/// <summary>
/// The 422 answer to a rejected import, the same for every source: the problems listed (at most
/// <see cref="Core.Imports.ProblemList.MaxListed"/>), how many there are in all, and how many more were left off.
/// </summary>
internal static class ImportRejection
{
    /// <summary>"pupils.csv has 3 problems. Correct every one and send the file again.", or when not all are listed
    /// "pupils.csv has 12,345 problems, the first 1,000 in 'errors' … and 11,345 more problems: correct those listed …".</summary>
    public static string Detail(string fileName, int errorCount, string? more) => more is null
        ? $"{fileName} has {errorCount:N0} problem{(errorCount == 1 ? "" : "s")}. Correct every one and send the file again."
        : $"{fileName} has {errorCount:N0} problems, the first {Core.Imports.ProblemList.MaxListed:N0} in 'errors' {more}.";

    public static Dictionary<string, object?> Extensions<TProblem>(long importId, int errorCount, IReadOnlyList<TProblem> errors, string? more) => new()
    {
        ["importId"] = importId,
        ["errorCount"] = errorCount,
        ["errors"] = errors,
        ["moreErrors"] = more,
    };
}
