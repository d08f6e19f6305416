using Microsoft.Extensions.Configuration;
using SchoolSight.Domain.QualityStandards;

namespace SchoolSight.Core.LaSelfEvaluation;

/// <summary>
/// The quality standards in use: the LA's own file when <c>LaSelfEvaluation:StandardsFile</c> names one, otherwise the
/// ones that ship with SchoolSight. A file with any problem stops the app at start-up with every problem listed by line
/// and column.
/// </summary>
public sealed class QualityStandardsSource(IConfiguration? configuration = null)
{
    public const string FileSetting = "LaSelfEvaluation:StandardsFile";

    public QualityStandardSet Standards { get; } = Load(configuration?[FileSetting]);

    public static QualityStandardSet Load(string? file)
    {
        if (string.IsNullOrWhiteSpace(file)) return ShippedQualityStandards.Set;
        var result = QualityStandardsParser.Parse(File.ReadAllText(file));
        return result.Standards ?? throw new InvalidOperationException($"The quality standards {file} have problems:\n{string.Join("\n", result.Errors)}");
    }
}
