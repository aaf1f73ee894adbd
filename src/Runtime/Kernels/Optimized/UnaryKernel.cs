using EdgeML.Runtime.Cpu;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Kernels.Simd;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Optimized;

/// <summary>
/// Fast float32 activations: Relu, LeakyRelu, HardSigmoid, HardSwish, Sigmoid and Clip (bounds from
/// attributes before opset 11, from inputs after), vectorised with the same formulas as the
/// reference operators. Other element types run the reference kernel.
/// </summary>
internal sealed unsafe class UnaryKernel : Kernel
{
    private readonly CpuVariant _variant;
    private readonly Kernel _reference;
    private readonly Activation _activation;
    private readonly bool _clipInputs;

    private UnaryKernel(CpuVariant variant, Kernel reference, Activation activation, bool clipInputs)
    {
        _variant = variant;
        _reference = reference;
        _activation = activation;
        _clipInputs = clipInputs;
    }

    private static bool IsFloat(KernelInfo info) => info.InputType(0) is DataType.Float or DataType.Undefined;

    /// <summary>A factory for an activation whose parameters come from the node's attributes.</summary>
    public static FastKernelFactory Factory(KernelFactory reference, Func<KernelInfo, Activation> activation) => (info, variant) =>
        IsFloat(info) ? new UnaryKernel(variant, reference(info), activation(info), false) : null;

    public static Kernel? CreateClip(KernelInfo info, CpuVariant variant)
    {
        if (!IsFloat(info)) return null;
        var reference = Reference.Clip.Create(info);
        if (info.Version >= 11) return new UnaryKernel(variant, reference, default, true);
        var a = info.Attributes;
        float lo = a.Has("min") ? a.GetFloat("min", 0) : float.NegativeInfinity;
        float hi = a.Has("max") ? a.GetFloat("max", 0) : float.PositiveInfinity;
        return new UnaryKernel(variant, reference, new Activation(ActivationKind.Clip, lo, hi), false);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        if (x.Type != DataType.Float)
        {
            _reference.Execute(context);
            return;
        }
        var activation = _activation;
        if (_clipInputs)
        {
            var lo = context.OptionalInput(1);
            var hi = context.OptionalInput(2);
            if ((lo != null && (lo.Type != DataType.Float || lo.Length != 1)) || (hi != null && (hi.Type != DataType.Float || hi.Length != 1)))
            {
                _reference.Execute(context);
                return;
            }
            activation = new Activation(ActivationKind.Clip, lo == null ? float.NegativeInfinity : lo.ReadOnlySpan<float>()[0], hi == null ? float.PositiveInfinity : hi.ReadOnlySpan<float>()[0]);
        }
        var y = context.Output(0);
        y.Allocate(DataType.Float, x.Shape);
        VectorActivation.Apply(_variant, (float*)x.Pointer, (float*)y.Pointer, (nint)y.Length, activation);
    }
}
