using SchoolSight.Core.Data;
using SchoolSight.Web;

try
{
    var app = SchoolSightApp.Build(args);
    await SchoolSightApp.PrepareDatabaseAsync(app);
    await app.RunAsync();
    return 0;
}
catch (DatabaseSetupException e)
{
    // A database setting SchoolSight cannot work with: one line naming the setting, no stack trace.
    Console.Error.WriteLine(e.Message);
    return 1;
}

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
