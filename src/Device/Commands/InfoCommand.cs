using System.CommandLine;
using System.Runtime.InteropServices;
using EdgeML.Runtime.Cpu;

namespace EdgeML.Device.Commands;

/// <summary>`edgeml-device info`: what this device is and which kernel variant EdgeML chose for it.</summary>
public static class InfoCommand
{
    public static Command Create()
    {
        var cmd = new Command("info", "Show the CPU, the kernel variant in use and the build");
        cmd.SetAction(p =>
        {
            var o = p.InvocationConfiguration.Output;
            o.WriteLine($"edgeml-device {typeof(InfoCommand).Assembly.GetName().Version}");
            o.WriteLine($"os: {RuntimeInformation.OSDescription} ({RuntimeInformation.RuntimeIdentifier})");
            o.WriteLine($"cpu: {CpuFeatures.Describe()}");
            o.WriteLine($"variants supported: {string.Join(", ", CpuFeatures.SupportedVariants)}");
            o.WriteLine($"native AOT: {!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported}");
            return 0;
        });
        return cmd;
    }
}
