using Microsoft.Extensions.Configuration;

namespace SchoolSight.Web.Tests.Access;

public sealed class ReverseProxySettingsTests
{
    [Fact]
    public void TheSettings_ReadLists_AsArraysOrCommaSeparated()
    {
        var settings = ReverseProxySettings.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ReverseProxy:KnownProxies:0"] = "10.0.0.5",
                ["ReverseProxy:KnownProxies:1"] = "::1",
                ["ReverseProxy:KnownNetworks"] = "10.20.0.0/16, 192.168.0.0/24",
            }).Build());
        settings.KnownProxies.Select(a => a.ToString()).ShouldBe(["10.0.0.5", "::1"]);
        settings.KnownNetworks.Select(n => n.ToString()).ShouldBe(["10.20.0.0/16", "192.168.0.0/24"]);
        settings.TrustsAnyProxy.ShouldBeTrue();
        ReverseProxySettings.FromConfiguration(new ConfigurationBuilder().Build()).TrustsAnyProxy.ShouldBeFalse();
    }
}
