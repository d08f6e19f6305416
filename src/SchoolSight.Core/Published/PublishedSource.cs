using SchoolSight.Domain.Imports;

namespace SchoolSight.Core.Published;

/// <summary>The published files SchoolSight imports: the DfE's school-level CSVs and Ofsted's outcomes.</summary>
public enum PublishedSource
{
    Ks2,
    Ks4,
    Census,
    Absence,
    Ofsted,
}

public static class PublishedSources
{
    public static ImportKind ImportKind(this PublishedSource source) => source switch
    {
        PublishedSource.Ks2 => Domain.Imports.ImportKind.Ks2,
        PublishedSource.Ks4 => Domain.Imports.ImportKind.Ks4,
        PublishedSource.Census => Domain.Imports.ImportKind.Census,
        PublishedSource.Absence => Domain.Imports.ImportKind.Absence,
        PublishedSource.Ofsted => Domain.Imports.ImportKind.Ofsted,
    };

    /// <summary>"KS2 performance tables" and so on, for headings and messages.</summary>
    public static string Title(this PublishedSource source) => source switch
    {
        PublishedSource.Ks2 => "Key stage 2 performance tables",
        PublishedSource.Ks4 => "Key stage 4 performance tables",
        PublishedSource.Census => "School census (performance tables)",
        PublishedSource.Absence => "Absence (performance tables)",
        PublishedSource.Ofsted => "Ofsted inspection outcomes",
    };

    /// <summary>Whether the person importing must say which academic year the file is about (all but Ofsted's snapshot).</summary>
    public static bool NeedsAcademicYear(this PublishedSource source) => source != PublishedSource.Ofsted;

    /// <summary>The name used in URLs and on the command line: ks2, ks4, census, absence, ofsted.</summary>
    public static string Slug(this PublishedSource source) => source.ToString().ToLowerInvariant();

    public static bool TryParse(string? slug, out PublishedSource source)
    {
        foreach (var candidate in Enum.GetValues<PublishedSource>())
            if (string.Equals(candidate.Slug(), slug?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                source = candidate;
                return true;
            }
        source = default;
        return false;
    }
}
