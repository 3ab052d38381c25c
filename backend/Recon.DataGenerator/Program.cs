using Recon.DataGenerator;

return GeneratorCli.Run(args, Console.Out, Console.Error);
