namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>Upsample (deprecated since opset 10): Resize with asymmetric coordinates, the legacy
/// nearest rule and modes nearest or linear. Opset 7 takes the scales as an attribute, 9 as an input.</summary>
public sealed class Upsample : Kernel
{
    private readonly Kernel _resize;
    private Upsample(Kernel resize) => _resize = resize;

    public static Kernel Create(KernelInfo info)
    {
        var mode = Resize.ParseMode(info, info.Attributes.GetString("mode", "nearest"));
        if (mode == Resize.Mode.Cubic) throw info.Error("mode 'cubic' is not supported by Upsample");
        float[]? scales = null;
        if (info.Version < 9)
        {
            scales = info.Attributes.GetFloats("scales", []);
            if (scales.Length == 0) throw info.Error("attribute 'scales' is required");
        }
        return new Upsample(new Resize(mode, Resize.Transform.Asymmetric, Resize.NearestRule.Legacy, Resize.AspectPolicy.Stretch,
            -0.75, false, false, 0, null, scales == null, scales));
    }

    public override void Execute(KernelContext context) => _resize.Execute(context);
}
