namespace SchoolSight.Domain.QualityStandards;

/// <summary>The quality standards that ship with SchoolSight (QualityStandards/quality-standards.yaml), parsed once.</summary>
public static class ShippedQualityStandards
{
    public static QualityStandardSet Set => Parsed.Value;

    public static string Read()
    {
        using var stream = typeof(ShippedQualityStandards).Assembly.GetManifestResourceStream("SchoolSight.Domain.QualityStandards.quality-standards.yaml")
            ?? throw new InvalidOperationException("The shipped quality standards are missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static readonly Lazy<QualityStandardSet> Parsed = new(() =>
    {
        var result = QualityStandardsParser.Parse(Read());
        return result.Standards ?? throw new InvalidOperationException($"The shipped quality standards have problems:\n{string.Join("\n", result.Errors)}");
    });
}
