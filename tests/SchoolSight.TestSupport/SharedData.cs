namespace SchoolSight.TestSupport;

/// <summary>
/// The real public DfE and Ofsted files in the shared data folder beside the repository (CI has it too).
/// Tests read them in place; they are never copied into the repository.
/// </summary>
public static class SharedData
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>GIAS "all establishment data" for LAs 850 Hampshire and 936 Surrey, 20 April 2022 (111 columns).</summary>
    public static string GiasHampshireSurrey => Path("gias", "edubasealldata_20220420_LA850_Hampshire_LA936_Surrey.csv");

    /// <summary>The DfE's KS2 final school-level file for LA 850 Hampshire, e.g. 2018 for 2018-19.</summary>
    public static string Ks2Hampshire(int year) => Path("performance", $"850_ks2final_{year}-{(year + 1) % 100:00}.csv");

    /// <summary>The DfE's KS4 final school-level file for LA 850 Hampshire (2016-17 and 2017-18).</summary>
    public static string Ks4Hampshire(int year) => Path("performance", $"850_ks4final_{year}-{(year + 1) % 100:00}.csv");

    /// <summary>The DfE's KS4 2018-19 provisional headline file for every school and LA in England.</summary>
    public static string Ks4EnglandProvisional2018 => Path("performance", "england_ks4provisional_2018-19.csv");

    /// <summary>The January 2022 school census as published with the 2021-22 performance tables, all England.</summary>
    public static string CensusEngland2021 => Path("census", "england_census_2021-22.csv");

    /// <summary>Absence in 2017-18, all England, from the 2018-19 performance tables.</summary>
    public static string AbsenceEngland2017 => Path("absence", "england_abs_2017-18.csv");

    /// <summary>Ofsted's state-funded schools inspections and outcomes as at 31 August 2025.</summary>
    public static string OfstedAugust2025 => Path("ofsted", "ofsted_state_funded_schools_as_at_31_Aug_2025.csv");

    private static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable("SCHOOLSIGHT_SHARED_DATA") is { Length: > 0 } configured) return configured;
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate)) return candidate;
            dir = dir.Parent;
        }
        throw new DirectoryNotFoundException("The shared data folder (shared/data beside the repository) was not found; set SCHOOLSIGHT_SHARED_DATA.");
    }
}

/// <summary>The repository's own test data (tests/data).</summary>
public static class RepoData
{
    public static string Path(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "SchoolSight.slnx"))) dir = dir.Parent;
        if (dir is null) throw new DirectoryNotFoundException("Repository root not found.");
        return System.IO.Path.Combine([dir.FullName, "tests", "data", .. parts]);
    }
}
