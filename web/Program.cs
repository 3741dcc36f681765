using VoixUsager.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddVoixUsagerWeb();

var app = builder.Build();

await app.PrepareDatabaseAsync();
await app.WarmUpResultsAsync();
app.UseVoixUsagerPipeline();
app.MapVoixUsagerEndpoints();

app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
