namespace SchoolSight.Domain.Indicators;

/// <summary>
/// The questions seed 001 (section 5, "How should schools plan and review their contribution to well-being") asks a
/// school to consider in its self-evaluation, sorted under the Every Child Matters outcome each is about (DOMAIN.md 9).
/// The seed lists them together; the sorting is SchoolSight's, so each well-being page prompts with the ones that fit.
/// </summary>
public static class WellbeingQuestions
{
    /// <param name="Section">Where in seed 001 the question comes from ("5.2", "5.3", "5.6").</param>
    public sealed record Question(string Section, string Text);

    public static IReadOnlyList<Question> For(EcmOutcome outcome) => outcome switch
    {
        EcmOutcome.BeHealthy =>
        [
            new("5.2", "How healthy are pupils in the school as reflected (say) in levels of sickness absence? Are absences due to sickness and medical appointments going down or up?"),
            new("5.2", "Are pupils eating healthy school lunches and adopting healthier eating habits more generally?"),
            new("5.2", "Are pupils participating fully in physical activities? Do pupils walk or cycle to school where possible?"),
            new("5.3", "Are there specific issues with local levels of obesity, teenage pregnancy or sexual health?"),
        ],
        EcmOutcome.StaySafe =>
        [
            new("5.2", "How well is the school meeting its safeguarding responsibilities on safer recruitment and handling of allegations of abuse?"),
            new("5.2", "Do pupils feel safe from bullying in the school and around the school?"),
            new("5.2", "Do some pupils have particular problems or circumstances at home that may impact on their performance or behaviour at school?"),
            new("5.3", "Are there problems for example with young people and gang activity, or alcohol or drugs which the school should be working with others to tackle? Does the school work with the police in a Safer School Partnership and with local agencies to maintain pupils' safety and well-being in the local community?"),
            new("5.6", "Do pupils of all age groups feel safe in all parts of the schools and on the journey to and from school? Are pupils and their parents worried about bullying on and around the school site?"),
        ],
        EcmOutcome.EnjoyAndAchieve =>
        [
            new("5.2", "How do the educational attainment levels compare with local and national benchmarks? Is the percentage of pupils attaining well on an upward or downward trend? How effective are the school's processes at obtaining accurate information about a child's achievement before he or she starts school?"),
            new("5.2", "Do particular groups of pupils need more help to achieve? What is the attainment gap between pupils with special educational needs, or those eligible for free school meals, and others?"),
            new("5.2", "How do levels of persistent absenteeism compare with similar schools?"),
            new("5.6", "Are some parents worried that their children are falling behind in their studies and not getting the support they need to catch up?"),
        ],
        EcmOutcome.MakeAPositiveContribution =>
        [
            new("5.2", "Is the standard of pupil behaviour generally good? Is it getting better, worse or staying the same?"),
            new("5.2", "Are pupils making a positive contribution to the life of the school and to the community? Are all groups of pupils engaged in school activities or community volunteering?"),
            new("5.2", "Do pupils understand their rights and responsibilities, and respect others who are different from themselves?"),
            new("5.3", "Do some sections of the local community have negative perceptions of the behaviour of young people and could the school do more to build links between its pupils and the community for example through volunteering activities?"),
        ],
        EcmOutcome.AchieveEconomicWellBeing =>
        [
            new("5.2", "Are pupils acquiring social skills and other workplace skills?"),
            new("5.2", "How many pupils are going on to further or higher education or jobs with training? How many are fulfilling their ambitions and going to university? For primary schools, how well are ex-pupils doing at secondary school?"),
        ],
    };

    /// <summary>Asked under every outcome (seed 001 section 5.3).</summary>
    public static readonly IReadOnlyList<Question> Always =
    [
        new("5.3", "How generally can the school contribute, working with other services, to tackling particular issues affecting the well-being of children and families in the local area? On what issues should the school lead? On other issues can the school reasonably support other services and if so how?"),
    ];

    /// <summary>Seed 001 section 5.4, shown beside the group gaps.</summary>
    public const string VulnerableChildren = "Schools will need to pay particular attention to the needs of vulnerable children – those with special educational needs, looked after children, school age parents, and any groups that are under-achieving or presenting a challenge in terms of integrating within the school community.";
}
