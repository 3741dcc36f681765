using System.Net;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Hosting;

/// <summary>
/// The data-protection key ring (sign-in cookies, antiforgery tokens) exists before the first request,
/// so the first requests, arriving together, never race to create it.
/// </summary>
public sealed class KeyRingTests
{
    [Fact]
    public async Task Key_ring_is_made_at_start_up_and_the_first_requests_all_use_that_one_key()
    {
        using var app = new VoixUsagerAppFactory();
        _ = app.Server;

        var atStart = await app.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Id).ToListAsync());
        Assert.Single(atStart);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => app.CreateClient().GetAsync("/connexion")));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(atStart, await app.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Id).ToListAsync()));
    }
}
