using EdgeML.Cli;

return CliApp.Run(args);
