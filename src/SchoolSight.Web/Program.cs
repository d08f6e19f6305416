using SchoolSight.Web;

var app = SchoolSightApp.Build(args);
await SchoolSightApp.PrepareDatabaseAsync(app);
await app.RunAsync();

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
