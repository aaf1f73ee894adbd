using System.CommandLine;
using EdgeML.Cli.Commands;
using EdgeML.Runtime;

namespace EdgeML.Cli;

/// <summary>The `edgeml` command: builds the command tree and turns every user error into one line
/// on stderr and a non-zero exit code (1 for a failed operation, 2 for a bad command line).</summary>
public static class CliApp
{
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("EdgeML: compile ONNX models into .edgeml files and run them on edge devices.");
        root.Add(CompileCommand.Create());
        root.Add(RunCommand.Create());
        root.Add(InspectCommand.Create());
        root.Add(ConformanceCommand.Create());
        root.Add(DemoCommand.Create());
        root.Add(TrainCommand.Create());
        root.Add(BenchCommand.Create());
        root.Add(CompareCommand.Create());
        root.Add(FootprintProbeCommand.Create());
        return root;
    }

    public static int Run(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var output = stdout ?? Console.Out;
        var error = stderr ?? Console.Error;
        var parse = BuildRoot().Parse(args);
        if (parse.Errors.Count > 0)
        {
            error.WriteLine($"edgeml: error: {parse.Errors[0].Message} (see 'edgeml --help')");
            return 2;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (EdgeMLException e)
        {
            error.WriteLine($"edgeml: error: {OneLine(e.Message)}");
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"edgeml: error: {OneLine(e.Message)}");
            return 1;
        }
    }

    private static string OneLine(string s) => s.ReplaceLineEndings(" ").Trim();
}
