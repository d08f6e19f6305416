using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Register;
using SchoolSight.Domain.Register;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Register;

public abstract class PartnerOperationsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await RegisterData.CreateAsync(provider);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ListPartners_FiltersByKind()
    {
        await using var db = _database.AsAdmin();
        (await new ListPartners(db).RunAsync()).Count.ShouldBe(3);
        var police = await new ListPartners(db).RunAsync(PartnerKind.Police);
        police.Single().Name.ShouldBe("Demo Constabulary Safer Schools Team");
        police.Single().ValidationNote.ShouldBe("Agreement in place.");
    }

    [Fact]
    public async Task CreatePartner_WithContactDetails()
    {
        await using var db = _database.AsAdmin();
        var result = await new CreatePartner(db).RunAsync(new PartnerInput
        {
            Name = "Demo Borough Extended Services",
            Kind = PartnerKind.ExtendedServices,
            ContactName = "Rowan Fields",
            Email = " extended@demo-borough.example ",
            Telephone = "01632 960300",
            ValidationNote = "LA service.",
        });
        result.Succeeded.ShouldBeTrue();
        var partner = (await new GetPartner(db).RunAsync(result.Value))!;
        partner.Email.ShouldBe("extended@demo-borough.example");
        partner.Kind.ShouldBe(PartnerKind.ExtendedServices);
        partner.Version.ShouldBe(1);
    }

    [Fact]
    public async Task CreatePartner_WithABadEmailOrNoKind_IsRefused()
    {
        await using var db = _database.AsAdmin();
        var result = await new CreatePartner(db).RunAsync(new PartnerInput { Name = "Someone", Email = "not-an-email", Telephone = "call me" });
        result.Errors.Select(e => e.Field).ShouldBe(["Kind", "Email", "Telephone"], ignoreOrder: true);
        result.Errors.Single(e => e.Field == "Email").Message.ShouldBe("Enter an email address in the correct format, like name@example.org");
        (await db.Partners.CountAsync()).ShouldBe(3);
    }

    [Fact]
    public async Task EditPartner_ChangesDetails_AndRefusesAStaleVersion()
    {
        int id;
        await using (var db = _database.AsAdmin()) id = await db.Partners.Where(p => p.Kind == PartnerKind.Police).Select(p => p.Id).SingleAsync();
        var input = new PartnerInput { Name = "Demo Constabulary Safer Schools Team", Kind = PartnerKind.Police, ContactName = "PC Lee Grant", Version = 1 };
        await using (var db = _database.AsAdmin(RegisterData.OtherAdmin))
            (await new EditPartner(db).RunAsync(id, input)).Succeeded.ShouldBeTrue();
        await using (var db = _database.AsAdmin())
        {
            (await new GetPartner(db).RunAsync(id))!.ContactName.ShouldBe("PC Lee Grant");
            var stale = await new EditPartner(db).RunAsync(id, input with { ContactName = "Someone else" });
            stale.IsConflict.ShouldBeTrue();
            stale.Errors.Single().Message.ShouldContain(RegisterData.OtherAdmin);
            (await new EditPartner(db).RunAsync(4040, input)).IsNotFound.ShouldBeTrue();
        }
    }
}

public sealed class PartnerOperationsTests_Sqlite() : PartnerOperationsTests(DatabaseProvider.Sqlite);
public sealed class PartnerOperationsTests_Postgres() : PartnerOperationsTests(DatabaseProvider.Postgres);
