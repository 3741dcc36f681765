using VoixUsager.Worker;

var builder = Host.CreateApplicationBuilder(args);

builder.AddVoixUsagerWorker();

using var host = builder.Build();

if (!await host.CheckWorkerDatabaseAsync())
{
    // Disposing the host flushes the console logger, so the reason is printed before the process ends.
    host.Dispose();
    return 2;
}

await host.RunAsync();
return 0;
