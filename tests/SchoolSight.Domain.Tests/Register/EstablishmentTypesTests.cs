using SchoolSight.Domain.Register;

namespace SchoolSight.Domain.Tests.Register;

/// <summary>Which GIAS establishments SchoolSight monitors, and their type group, over GIAS's own type and type group names.</summary>
public sealed class EstablishmentTypesTests
{
    [Theory]
    [InlineData("Community school", "Local authority maintained schools", SchoolTypeGroup.StateFundedMainstream)]
    [InlineData("Voluntary aided school", "Local authority maintained schools", SchoolTypeGroup.StateFundedMainstream)]
    [InlineData("Voluntary controlled school", "Local authority maintained schools", SchoolTypeGroup.StateFundedMainstream)]
    [InlineData("Foundation school", "Local authority maintained schools", SchoolTypeGroup.StateFundedMainstream)]
    [InlineData("Local authority nursery school", "Local authority maintained schools", SchoolTypeGroup.StateFundedMainstream)]
    [InlineData("Academy converter", "Academies", SchoolTypeGroup.StateFundedMainstream)]
    [InlineData("Academy sponsor led", "Academies", SchoolTypeGroup.StateFundedMainstream)]
    [InlineData("Academy 16-19 converter", "Academies", SchoolTypeGroup.StateFundedMainstream)]
    [InlineData("Free schools", "Free Schools", SchoolTypeGroup.StateFundedMainstream)]
    [InlineData("Free schools 16 to 19", "Free Schools", SchoolTypeGroup.StateFundedMainstream)]
    [InlineData("University technical college", "Free Schools", SchoolTypeGroup.StateFundedMainstream)]
    [InlineData("Studio schools", "Free Schools", SchoolTypeGroup.StateFundedMainstream)]
    [InlineData("City technology college", "Independent schools", SchoolTypeGroup.StateFundedMainstream)]
    [InlineData("Community special school", "Special schools", SchoolTypeGroup.StateFundedSpecial)]
    [InlineData("Foundation special school", "Special schools", SchoolTypeGroup.StateFundedSpecial)]
    [InlineData("Academy special converter", "Academies", SchoolTypeGroup.StateFundedSpecial)]
    [InlineData("Academy special sponsor led", "Academies", SchoolTypeGroup.StateFundedSpecial)]
    [InlineData("Free schools special", "Free Schools", SchoolTypeGroup.StateFundedSpecial)]
    [InlineData("Pupil referral unit", "Local authority maintained schools", SchoolTypeGroup.AlternativeProvision)]
    [InlineData("Academy alternative provision converter", "Academies", SchoolTypeGroup.AlternativeProvision)]
    [InlineData("Free schools alternative provision", "Free Schools", SchoolTypeGroup.AlternativeProvision)]
    [InlineData("Other independent school", "Independent schools", SchoolTypeGroup.Independent)]
    [InlineData("Other independent special school", "Special schools", SchoolTypeGroup.Independent)]
    [InlineData("Non-maintained special school", "Special schools", SchoolTypeGroup.NonMaintainedSpecial)]
    [InlineData("Early years setting", "Other types", SchoolTypeGroup.StateFundedMainstream)]
    [InlineData("Community school", null, SchoolTypeGroup.StateFundedMainstream)]
    public void ASchoolType_IsMonitored_InItsTypeGroup_AndSpecialSchoolsAndAlternativeProvisionAreRankedApart(string type, string? group, SchoolTypeGroup expected)
    {
        EstablishmentTypes.IsMonitored(type, group).ShouldBeTrue();
        EstablishmentTypes.TypeGroupOf(type, group).ShouldBe(expected);
        new SchoolDetails { Name = "A school", LaCode = 850, TypeOfEstablishment = type, EstablishmentTypeGroup = group }.TypeGroup.ShouldBe(expected);
        EstablishmentTypes.TypeGroupOf(type, group).RankedApartFromMainstream()
            .ShouldBe(expected is SchoolTypeGroup.StateFundedSpecial or SchoolTypeGroup.AlternativeProvision or SchoolTypeGroup.NonMaintainedSpecial);
    }

    [Theory]
    [InlineData("Children's centre", "Children's centres")]
    [InlineData("Children's centre linked site", "Children's centres")]
    [InlineData("Children's centre", null)]
    [InlineData("Further education", "Colleges")]
    [InlineData("Sixth form centres", "Colleges")]
    [InlineData("Special post 16 institution", "Colleges")]
    [InlineData("Higher education institutions", "Universities")]
    [InlineData("Online provider", "Online provider")]
    [InlineData("Secure units", "Other types")]
    [InlineData("Service children's education", "Other types")]
    [InlineData("Offshore schools", "Other types")]
    [InlineData("British schools overseas", "Other types")]
    [InlineData("Welsh establishment", "Welsh schools")]
    [InlineData("Miscellaneous", "Other types")]
    [InlineData("Institution funded by other government department", "Other types")]
    [InlineData(" further EDUCATION ", "")]
    [InlineData("A type GIAS adds later", "Colleges")]
    public void AnEstablishmentThatIsNotASchoolOfTheLa_IsNotMonitored(string type, string? group) =>
        EstablishmentTypes.IsMonitored(type, group).ShouldBeFalse();

    [Theory]
    [InlineData(23306)]
    [InlineData(115850)]
    [InlineData(1234567)]
    [InlineData(123456789)]
    public void AUrn_IsAnyPositiveWholeNumber_ChildrensCentresHaveFiveDigits(int urn) =>
        new School(urn, new SchoolDetails { Name = "A setting", LaCode = 850, TypeOfEstablishment = "Community school" }).Urn.ShouldBe(urn);
}
