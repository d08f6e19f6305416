using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;

namespace SchoolSight.Core.Register;

/// <summary>
/// The shape of a school record as typed in (required fields, lengths, ranges, dates, a URN not yet on the
/// register). The rules every school must meet whoever supplies it stay in <see cref="Domain.Register.SchoolDetails.Validate"/>.
/// </summary>
public sealed class SchoolInputValidator : AbstractValidator<SchoolInput>
{
    private static readonly DateOnly Earliest = new(1800, 1, 1);

    public SchoolInputValidator(AppDbContext db, DateOnly today, bool creating)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;

        if (creating)
        {
            RuleFor(x => x.Urn)
                .NotNull().WithMessage("Enter the URN")
                .Must(urn => RegisterEdits.IsUrn(urn!.Value)).WithMessage("The URN must be a positive whole number, like 100001")
                .MustAsync(async (urn, ct) => !await db.Schools.IgnoreQueryFilters().AnyAsync(s => s.Urn == urn, ct))
                .WithMessage(x => $"A school with URN {x.Urn} is already on the register");
        }
        else
        {
            RuleFor(x => x.Version).GreaterThan(0).WithMessage("Give the version of the school record you are changing");
        }

        RuleFor(x => x.Name)
            .NotEmpty().WithMessage("Enter the school name")
            .Must(n => n!.Trim().Length <= 200).WithMessage("The school name must be 200 characters or fewer");
        RuleFor(x => x.LaCode)
            .NotNull().WithMessage("Enter the LA code")
            .InclusiveBetween(100, 999).WithMessage("The LA code must be 3 digits, like 919");
        RuleFor(x => x.EstablishmentNumber).InclusiveBetween(0, 9999).WithMessage("The establishment number must be 4 digits or fewer");
        RuleFor(x => x.TypeOfEstablishment)
            .NotEmpty().WithMessage("Enter the type of establishment")
            .MaximumLength(120).WithMessage("The type of establishment must be 120 characters or fewer");
        RuleFor(x => x.Status).IsInEnum().WithMessage("Choose the status");

        RuleFor(x => x.StatutoryLowAge).InclusiveBetween(0, 25).WithMessage("The lowest age must be between 0 and 25");
        RuleFor(x => x.StatutoryHighAge)
            .InclusiveBetween(0, 25).WithMessage("The highest age must be between 0 and 25")
            .GreaterThanOrEqualTo(x => x.StatutoryLowAge).When(x => x.StatutoryLowAge is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage("The highest age must be the same as or more than the lowest age");

        RuleFor(x => x.SchoolCapacity).InclusiveBetween(0, 20000).WithMessage("The capacity must be a number of pupils from 0 to 20,000");
        RuleFor(x => x.NumberOfBoys).InclusiveBetween(0, 20000).WithMessage("The number of boys must be from 0 to 20,000");
        RuleFor(x => x.NumberOfGirls).InclusiveBetween(0, 20000).WithMessage("The number of girls must be from 0 to 20,000");
        // Boys and girls are not checked against the number of pupils: GIAS's own figures can differ by a few.
        RuleFor(x => x.NumberOfPupils)
            .InclusiveBetween(0, 20000).WithMessage("The number of pupils must be from 0 to 20,000");
        RuleFor(x => x.PercentageFsm).InclusiveBetween(0, 100)
            .WithMessage("The percentage of pupils eligible for free school meals must be between 0 and 100");

        RuleFor(x => x.OpenDate).InclusiveBetween(Earliest, today.AddYears(5)).WithMessage("The open date must be a real date");
        RuleFor(x => x.CloseDate)
            .InclusiveBetween(Earliest, today.AddYears(5)).WithMessage("The close date must be a real date")
            .GreaterThanOrEqualTo(x => x.OpenDate).When(x => x.OpenDate is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage("The close date must be the same as or after the open date");
        RuleFor(x => x.OfstedLastInspection)
            .InclusiveBetween(Earliest, today).WithMessage("The date of the last Ofsted inspection must be today or in the past");

        Text(x => x.LaName, "The LA name", 100);
        Text(x => x.EstablishmentTypeGroup, "The establishment type group", 120);
        Text(x => x.PhaseOfEducation, "The phase of education", 60);
        Text(x => x.Gender, "The gender of entry", 40);
        Text(x => x.ReligiousCharacter, "The religious character", 100);
        Text(x => x.Diocese, "The diocese", 150);
        Text(x => x.ReasonClosed, "The reason closed", 200);
        Text(x => x.Trust, "The trust", 200);
        Text(x => x.Street, "The street", 100);
        Text(x => x.AddressLocality, "The address locality", 100);
        Text(x => x.Town, "The town", 100);
        Text(x => x.County, "The county", 100);
        Text(x => x.Website, "The website", 200);
        Text(x => x.HeadTitle, "The headteacher's title", 40);
        Text(x => x.HeadFirstName, "The headteacher's first name", 100);
        Text(x => x.HeadLastName, "The headteacher's last name", 100);
        Text(x => x.HeadJobTitle, "The headteacher's job title", 100);
        Text(x => x.OfstedRating, "The Ofsted rating", 60);
        RuleFor(x => x.Postcode)
            .Must(p => p!.Trim().Length <= 12).WithMessage("The postcode must be 12 characters or fewer")
            .Must(p => Regex.IsMatch(p!.Trim(), "^[A-Za-z0-9 ]+$")).WithMessage("Enter a real postcode, like DB1 2AB")
            .When(x => !string.IsNullOrWhiteSpace(x.Postcode));
        RuleFor(x => x.Telephone)
            .Must(t => t!.Trim().Length <= 40).WithMessage("The telephone number must be 40 characters or fewer")
            .Must(t => Regex.IsMatch(t!.Trim(), @"^[0-9 +()\-]+$")).WithMessage("Enter a telephone number, like 01632 960 001")
            .When(x => !string.IsNullOrWhiteSpace(x.Telephone));

        RuleFor(x => x.LocalityId)
            .MustAsync(async (id, ct) => await db.Localities.AnyAsync(l => l.Id == id, ct))
            .When(x => x.LocalityId is not null)
            .WithMessage("Choose a locality from the list");
        RuleFor(x => x.ClusterIds)
            .MustAsync(async (ids, ct) =>
            {
                var wanted = ids!.Distinct().ToList();
                return await db.Clusters.CountAsync(c => wanted.Contains(c.Id), ct) == wanted.Count;
            })
            .When(x => x.ClusterIds is { Count: > 0 })
            .WithMessage("Choose clusters from the list");
    }

    private void Text(System.Linq.Expressions.Expression<Func<SchoolInput, string?>> field, string what, int max) =>
        RuleFor(field).Must(v => v is null || v.Trim().Length <= max).WithMessage($"{what} must be {max} characters or fewer");
}
