using System.CommandLine;
using EdgeML.Device.Commands;
using EdgeML.Runtime;

namespace EdgeML.Device;

/// <summary>The `edgeml-device` command: runs and measures .edgeml files on the device. Every user error
/// becomes one line on stderr and a non-zero exit (1 for a failed operation, 2 for a bad command line).</summary>
public static class DeviceApp
{
    public static RootCommand BuildRoot() => new("edgeml-device: run .edgeml models on this device (NativeAOT, runtime only).")
    {
        RunCommand.Create(),
        BenchCommand.Create(),
        InfoCommand.Create(),
    };

    public static int Run(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var output = stdout ?? Console.Out;
        var error = stderr ?? Console.Error;
        var parse = BuildRoot().Parse(args);
        if (parse.Errors.Count > 0)
        {
            error.WriteLine($"edgeml-device: error: {parse.Errors[0].Message} (see 'edgeml-device --help')");
            return 2;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is EdgeMLException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"edgeml-device: error: {e.Message.ReplaceLineEndings(" ").Trim()}");
            return 1;
        }
    }
}
