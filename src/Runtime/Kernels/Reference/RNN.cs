using System.Numerics;
using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// RNN (opsets 1, 7, 14, 22): one simple recurrent layer, forward, reverse or bidirectional, with
/// optional bias, sequence lengths and initial state, clip, any activation function and either
/// layout. Per step and batch entry: Ht = f(Xt·Wᵀ + Ht-1·Rᵀ + Wb + Rb).
/// </summary>
public sealed class RNN : RecurrentKernel
{
    private RNN(KernelInfo info) : base(info, gates: 1, ["Tanh"], hasCellState: false) { }

    public static Kernel Create(KernelInfo info) => new RNN(info);

    protected override void Compute<T>(RecurrentShape s, RecurrentData<T> data)
    {
        int hidden = s.Hidden, input = s.Input;
        var next = Scratch<T>(11, hidden);
        for (int d = 0; d < s.Directions; d++)
        {
            var w = data.W.Slice(d * hidden * input, hidden * input);
            var r = data.R.Slice(d * hidden * hidden, hidden * hidden);
            var bias = data.B.IsEmpty ? default : data.B.Slice(d * 2 * hidden, 2 * hidden);
            var f = Activations[d];
            bool reverse = IsReverse(d);
            for (int step = 0; step < s.Sequence; step++)
            {
                for (int b = 0; b < s.Batch; b++)
                {
                    int length = data.Lengths[b];
                    if (step >= length) continue;
                    int t = reverse ? length - 1 - step : step;
                    var x = data.X.Slice(s.XRow(t, b), input);
                    var ht = data.H.Slice(s.StateRow(d, b), hidden);
                    for (int j = 0; j < hidden; j++)
                    {
                        T sum = Dot(x, w.Slice(j * input, input)) + Dot<T>(ht, r.Slice(j * hidden, hidden));
                        if (!bias.IsEmpty) sum += bias[j] + bias[hidden + j];
                        next[j] = f.Apply(ClipValue(sum));
                    }
                    next.CopyTo(ht);
                    if (!data.Y.IsEmpty) ht.CopyTo(data.Y.Slice(s.YRow(t, d, b), hidden));
                }
            }
        }
    }
}
