using Microsoft.Extensions.Configuration;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Indicators.Computation;

namespace SchoolSight.Core.Indicators;

/// <summary>
/// The catalogue in use: the LA's own file when <c>Indicators:CatalogueFile</c> names one, otherwise the catalogue that
/// ships with SchoolSight (indicators.json). A catalogue with any problem stops the app at start-up with every problem
/// listed, rather than computing from half a definition. Also holds the similar-schools method (<c>Indicators:SimilarSchools</c>),
/// the share of pupils below which an area figure is flagged as partial (<c>Indicators:CoverageWarningBelow</c>),
/// the smallest group of respondents a school's survey report shows (<c>Voice:SmallestGroupReported</c>),
/// and the pupil and parent questionnaire whose questions the perception indicators count (<see cref="QuestionnaireFile"/>).
/// </summary>
public sealed class IndicatorCatalogueSource
{
    public IndicatorCatalogueSource(IConfiguration? configuration = null)
    {
        Questionnaire = QuestionnaireFile.Load(configuration);
        var file = configuration?["Indicators:CatalogueFile"];
        var json = string.IsNullOrWhiteSpace(file) ? ReadDefault() : File.ReadAllText(file);
        Catalogue = IndicatorCatalogue.Parse(json, out var errors, Questionnaire);
        if (errors.Count > 0)
            throw new InvalidOperationException($"The indicator catalogue {(file ?? "that ships with SchoolSight")} has problems:\n{string.Join("\n", errors)}");
        SimilarSchools = configuration?.GetSection("Indicators:SimilarSchools").Get<SimilarSchoolsMethod>() ?? new SimilarSchoolsMethod();
        CoverageWarningBelow = configuration?.GetValue<double?>("Indicators:CoverageWarningBelow") ?? DefaultCoverageWarningBelow;
        if (CoverageWarningBelow is < 0 or > 100 || double.IsNaN(CoverageWarningBelow))
            throw new InvalidOperationException($"Indicators:CoverageWarningBelow is {CoverageWarningBelow}: give a percentage of pupils from 0 to 100 (default {DefaultCoverageWarningBelow}).");
        SmallestSurveyGroup = configuration?.GetValue<int?>("Voice:SmallestGroupReported") ?? DefaultSmallestSurveyGroup;
        if (SmallestSurveyGroup < 2)
            throw new InvalidOperationException($"Voice:SmallestGroupReported is {SmallestSurveyGroup}: give a number of respondents of at least 2 (default {DefaultSmallestSurveyGroup}).");
        Computer = new IndicatorComputer(Catalogue);
    }

    /// <summary>A school's survey report hides any group of fewer respondents than this (<c>Voice:SmallestGroupReported</c>).</summary>
    public int SmallestSurveyGroup { get; }

    public const int DefaultSmallestSurveyGroup = 10;

    public IndicatorCatalogue Catalogue { get; }
    public Questionnaire Questionnaire { get; }
    public IndicatorComputer Computer { get; }
    public SimilarSchoolsMethod SimilarSchools { get; }

    /// <summary>An area figure counting fewer than this percentage of the pupils in the DfE's own LA figure is flagged as partial (<c>Indicators:CoverageWarningBelow</c>).</summary>
    public double CoverageWarningBelow { get; }

    public const double DefaultCoverageWarningBelow = 90;

    public static string ReadDefault()
    {
        using var stream = typeof(IndicatorCatalogueSource).Assembly.GetManifestResourceStream("SchoolSight.Core.Indicators.indicators.json")
            ?? throw new InvalidOperationException("The default indicator catalogue is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The shipped catalogue, parsed once (for tools and tests that have no configuration).</summary>
    public static IndicatorCatalogueSource Default => DefaultSource.Value;

    private static readonly Lazy<IndicatorCatalogueSource> DefaultSource = new(() => new IndicatorCatalogueSource());
}
