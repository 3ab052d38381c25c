using Recon.Sandbox;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSandbox(builder.Configuration);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapSandbox();
app.Run();

/// <summary>The sandbox host; public so that tests can start it in process.</summary>
public partial class Program;
