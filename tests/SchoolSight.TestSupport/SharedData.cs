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
