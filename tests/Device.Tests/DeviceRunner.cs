namespace EdgeML.Device.Tests;

/// <summary>Runs the `edgeml-device` command in-process and captures what it prints.</summary>
public static class DeviceRunner
{
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int exit = DeviceApp.Run(args, o, e);
        return (exit, o.ToString(), e.ToString());
    }
}
