using System.Globalization;
using System.Security.Cryptography;
using CsvHelper;

namespace SchoolSight.Bench.Gias;

/// <summary>
/// A national-size GIAS "all establishment data" file in the real 111-column layout, made from the real Hampshire and
/// Surrey rows with a fixed seed: each row copies a real one and gets a new URN, one of ~150 LA codes, a new name and
/// new pupil numbers. The same rows and seed always give the same bytes (the SHA-256 is printed to show it).
/// </summary>
public static class NationalGiasFile
{
    private const int LaCount = 150;
    private static readonly string[] Places =
    [
        "Ashford", "Bramley", "Carlton", "Dalston", "Elmstead", "Fenwick", "Grantham", "Hilton", "Ingleby", "Kirkby", "Langley",
        "Marston", "Newbold", "Oakley", "Preston", "Quarrington", "Radley", "Stanton", "Thornton", "Upton", "Walton", "Yardley",
    ];

    public static string SharedGiasFile()
    {
        var root = Environment.GetEnvironmentVariable("SCHOOLSIGHT_SHARED_DATA");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); root is null && dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "shared", "data"))) root = Path.Combine(dir.FullName, "shared", "data");
        return Path.Combine(root ?? throw new DirectoryNotFoundException("shared/data not found; set SCHOOLSIGHT_SHARED_DATA."),
            "gias", "edubasealldata_20220420_LA850_Hampshire_LA936_Surrey.csv");
    }

    public static (string Path, string Sha256, int LaCodes) Write(int rows, int seed)
    {
        using var reader = CsvReader.FromFile(SharedGiasFile(), CsvReaderOptions.Default with { Separator = ',' });
        var header = reader.Headers.ToArray();
        var real = new List<string[]>();
        while (reader.Read()) real.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        int Col(string name) => Array.IndexOf(header, name);
        var (urn, la, laName, number, name, pupils, boys, girls, fsm, capacity) = (Col("URN"), Col("LA (code)"), Col("LA (name)"),
            Col("EstablishmentNumber"), Col("EstablishmentName"), Col("NumberOfPupils"), Col("NumberOfBoys"), Col("NumberOfGirls"),
            Col("PercentageFSM"), Col("SchoolCapacity"));

        var random = new Random(seed);
        var codes = Enumerable.Range(201, 740).OrderBy(_ => random.Next()).Take(LaCount).ToArray();
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"schoolsight-bench-gias-{rows}-{seed}.csv");
        using (var writer = CsvWriter.Create(File.Create(path), CsvWriterOptions.Default with { Quoting = CsvQuoting.Always, ValidateFieldCount = false }))
        {
            writer.WriteRecord(header);
            for (var i = 0; i < rows; i++)
            {
                var row = (string[])real[random.Next(real.Count)].Clone();
                var code = codes[random.Next(codes.Length)];
                row[urn] = (200000 + i).ToString(CultureInfo.InvariantCulture);
                row[la] = code.ToString(CultureInfo.InvariantCulture);
                row[laName] = $"Local Authority {code}";
                row[number] = random.Next(1000, 8000).ToString(CultureInfo.InvariantCulture);
                row[name] = $"{Places[random.Next(Places.Length)]} {row[name]}";
                if (int.TryParse(row[pupils], out var roll))
                {
                    var newRoll = Math.Max(10, roll + random.Next(-roll / 3, roll / 3 + 1));
                    var newBoys = (int)(newRoll * (0.45 + random.NextDouble() * 0.1));
                    (row[pupils], row[boys], row[girls]) = (newRoll.ToString(CultureInfo.InvariantCulture), newBoys.ToString(CultureInfo.InvariantCulture),
                        (newRoll - newBoys).ToString(CultureInfo.InvariantCulture));
                    row[capacity] = ((int)(newRoll * 1.1)).ToString(CultureInfo.InvariantCulture);
                    row[fsm] = (random.Next(0, 600) / 10.0).ToString("0.0", CultureInfo.InvariantCulture);
                }
                writer.WriteRecord(row);
            }
        }
        using var stream = File.OpenRead(path);
        return (path, Convert.ToHexStringLower(SHA256.HashData(stream)), codes.Length);
    }
}
