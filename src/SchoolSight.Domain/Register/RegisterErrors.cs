namespace SchoolSight.Domain.Register;

public static class RegisterErrors
{
    public static DomainError BadLaCode(int code) =>
        new("register.la-code", $"LA code {code} is not a three-digit DfE local authority code.", "LaCode");

    public static DomainError BadUrn(int urn) =>
        new("register.urn", $"URN {urn} is not a valid unique reference number (it must be a positive whole number).", "Urn");

    public static DomainError NameRequired(string what) =>
        new("register.name-required", $"Enter the {what} name.", "Name");

    public static DomainError NameTooLong(string what, int max) =>
        new("register.name-too-long", $"The {what} name must be {max} characters or fewer.", "Name");

    public static DomainError NegativeCount =>
        new("register.negative-count", "Pupil numbers and capacity cannot be negative.", "NumberOfPupils");

    public static DomainError CloseBeforeOpen =>
        new("register.close-before-open", "The close date must be the same as or after the open date.", "CloseDate");

    public static DomainError PercentageOutOfRange(string field) =>
        new("register.percentage", "A percentage must be between 0 and 100.", field);
}
