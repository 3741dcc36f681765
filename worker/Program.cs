using VoixUsager.Worker;

var builder = Host.CreateApplicationBuilder(args);

builder.AddVoixUsagerWorker();

var host = builder.Build();

if (!await host.CheckWorkerDatabaseAsync())
{
    return 2;
}

await host.RunAsync();
return 0;
