using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Tests;

/// <summary>Test data builders with realistic, fictional values.</summary>
public static class Build
{
    public static SchoolDetails Details(string name = "Ashcombe Primary School", int la = 999) => new()
    {
        Name = name,
        LaCode = la,
        LaName = "Demo Borough",
        TypeOfEstablishment = "Community school",
        EstablishmentTypeGroup = "Local authority maintained schools",
        PhaseOfEducation = "Primary",
        Status = SchoolStatus.Open,
        NumberOfPupils = 210,
        NumberOfBoys = 100,
        NumberOfGirls = 110,
        PercentageFsm = 18.5,
        Telephone = "01632 960001",
    };

    public static School School(int urn = 999101, string name = "Ashcombe Primary School") => new(urn, Details(name));
}
