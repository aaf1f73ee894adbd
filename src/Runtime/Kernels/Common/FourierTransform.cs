namespace EdgeML.Runtime.Kernels.Common;

/// <summary>
/// An unnormalised complex discrete Fourier transform of any length n, in double precision (so
/// that bins which are exactly zero in theory come out below float32's resolution). Powers of two
/// use the iterative radix-2 algorithm; other lengths use Bluestein's algorithm (a chirp
/// convolution done with a power-of-two transform). The plan (twiddles, chirp) is built for a
/// length once and kept, so repeated transforms of one length do not allocate.
/// </summary>
public sealed class FourierTransform
{
    private int _n = -1;
    private int _m;                 // power-of-two size of the underlying radix-2 transform
    private double[] _cos = [];     // cos(2 pi k / m), k < m / 2
    private double[] _sin = [];
    private double[] _chirpRe = []; // Bluestein: c[t] = exp(-i pi t^2 / n)
    private double[] _chirpIm = [];
    private double[] _kernelRe = []; // FFT of the conjugate chirp, wrapped to length m
    private double[] _kernelIm = [];
    private double[] _workRe = [];
    private double[] _workIm = [];

    /// <summary>Transforms <paramref name="re"/>/<paramref name="im"/> (length n) in place:
    /// X[k] = sum x[j] exp(-+2 pi i j k / n), the sign + for <paramref name="inverse"/>. No 1/n scaling.</summary>
    public void Transform(Span<double> re, Span<double> im, bool inverse)
    {
        int n = re.Length;
        if (n <= 1) return;
        Plan(n);
        if (inverse) Conjugate(im);
        if (_m == n) Radix2(re, im, false);
        else Bluestein(re, im);
        if (inverse) Conjugate(im);
    }

    private static void Conjugate(Span<double> im)
    {
        for (int i = 0; i < im.Length; i++) im[i] = -im[i];
    }

    private void Plan(int n)
    {
        if (n == _n) return;
        bool pow2 = (n & (n - 1)) == 0;
        int m = pow2 ? n : 1;
        if (!pow2) while (m < 2 * n - 1) m <<= 1;
        _n = n;
        _m = m;
        _cos = new double[m / 2];
        _sin = new double[m / 2];
        for (int k = 0; k < m / 2; k++)
        {
            double angle = 2 * Math.PI * k / m;
            _cos[k] = Math.Cos(angle);
            _sin[k] = Math.Sin(angle);
        }
        if (pow2) return;

        _chirpRe = new double[n];
        _chirpIm = new double[n];
        for (int t = 0; t < n; t++)
        {
            // t^2 mod 2n keeps the angle small and exact.
            long t2 = (long)t * t % (2L * n);
            double angle = Math.PI * t2 / n;
            _chirpRe[t] = Math.Cos(angle);
            _chirpIm[t] = -Math.Sin(angle);
        }
        _kernelRe = new double[m];
        _kernelIm = new double[m];
        _kernelRe[0] = _chirpRe[0];
        _kernelIm[0] = -_chirpIm[0];
        for (int t = 1; t < n; t++)
        {
            _kernelRe[t] = _kernelRe[m - t] = _chirpRe[t];
            _kernelIm[t] = _kernelIm[m - t] = -_chirpIm[t];
        }
        Radix2(_kernelRe, _kernelIm, false);
        _workRe = new double[m];
        _workIm = new double[m];
    }

    private void Bluestein(Span<double> re, Span<double> im)
    {
        int n = _n, m = _m;
        var ar = _workRe.AsSpan(0, m);
        var ai = _workIm.AsSpan(0, m);
        ar.Clear();
        ai.Clear();
        for (int j = 0; j < n; j++)
        {
            ar[j] = re[j] * _chirpRe[j] - im[j] * _chirpIm[j];
            ai[j] = re[j] * _chirpIm[j] + im[j] * _chirpRe[j];
        }
        Radix2(ar, ai, false);
        for (int k = 0; k < m; k++)
        {
            double r = ar[k] * _kernelRe[k] - ai[k] * _kernelIm[k];
            double i = ar[k] * _kernelIm[k] + ai[k] * _kernelRe[k];
            ar[k] = r;
            ai[k] = i;
        }
        Radix2(ar, ai, true);
        for (int k = 0; k < n; k++)
        {
            double cr = ar[k] / m, ci = ai[k] / m;
            re[k] = cr * _chirpRe[k] - ci * _chirpIm[k];
            im[k] = cr * _chirpIm[k] + ci * _chirpRe[k];
        }
    }

    /// <summary>In-place radix-2 transform of length <see cref="_m"/> (unnormalised).</summary>
    private void Radix2(Span<double> re, Span<double> im, bool inverse)
    {
        int m = re.Length;
        for (int i = 1, j = 0; i < m; i++)
        {
            int bit = m >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j |= bit;
            if (i < j)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }
        double sign = inverse ? 1 : -1;
        for (int length = 2; length <= m; length <<= 1)
        {
            int half = length >> 1, step = m / length;
            for (int start = 0; start < m; start += length)
            {
                for (int j = 0; j < half; j++)
                {
                    double wr = _cos[j * step], wi = sign * _sin[j * step];
                    int a = start + j, b = a + half;
                    double vr = re[b] * wr - im[b] * wi;
                    double vi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - vr;
                    im[b] = im[a] - vi;
                    re[a] += vr;
                    im[a] += vi;
                }
            }
        }
    }
}
