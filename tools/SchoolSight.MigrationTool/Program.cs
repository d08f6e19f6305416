// Generates EF Core migrations for both database providers, in place of the dotnet-ef tool
// (which this project's package source does not carry). Usage, from the repository root:
//   dotnet run --project tools/SchoolSight.MigrationTool -- add <MigrationName>
//   dotnet run --project tools/SchoolSight.MigrationTool -- check      (fails if the model has changes without a migration)
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Data;

if (args.Length < 1 || args[0] is not ("add" or "check") || (args[0] == "add" && args.Length < 2))
{
    Console.Error.WriteLine("usage: add <MigrationName> | check");
    return 2;
}

var root = FindRepositoryRoot();
var failed = false;
foreach (var options in new[]
{
    new DatabaseOptions(DatabaseProvider.Sqlite, "Data Source=:memory:"),
    new DatabaseOptions(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=design_time"),
})
{
    var project = options.Provider == DatabaseProvider.Sqlite ? "SchoolSight.Migrations.Sqlite" : "SchoolSight.Migrations.Postgres";
    var builder = new DbContextOptionsBuilder<AppDbContext>();
    options.Apply(builder);
    using var context = new AppDbContext(builder.Options);

    var migrationsAssembly = System.Reflection.Assembly.Load(project);
    var reporter = new OperationReporter(new OperationReportHandler(
        e => Console.Error.WriteLine(e), w => Console.WriteLine(w), i => Console.WriteLine(i), _ => { }));
    var services = new DesignTimeServicesBuilder(migrationsAssembly, typeof(Program).Assembly, reporter, [])
        .Build(context);

    if (args[0] == "check")
    {
        var pending = context.Database.HasPendingModelChanges();
        Console.WriteLine($"{project}: {(pending ? "model has changes without a migration" : "up to date")}");
        failed |= pending;
        continue;
    }

    var scaffolder = services.GetRequiredService<IMigrationsScaffolder>();
    var migration = scaffolder.ScaffoldMigration(args[1], project, subNamespace: null, language: "C#", dryRun: false);
    var files = scaffolder.Save(Path.Combine(root, "src", project), migration, outputDir: Path.Combine(root, "src", project, "Migrations"));
    Console.WriteLine($"{project}: wrote {Path.GetFileName(files.MigrationFile)}");
}
return failed ? 1 : 0;

static string FindRepositoryRoot()
{
    var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SchoolSight.slnx"))) dir = dir.Parent;
    return dir?.FullName ?? throw new InvalidOperationException("Run from inside the SchoolSight repository.");
}
