package dev.omskit.testkit.connectors;

import dev.omskit.connectors.Capability;
import dev.omskit.connectors.tax.TaxQuote;
import dev.omskit.connectors.tax.TaxRequest;
import dev.omskit.connectors.tax.TaxService;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.VatRate;
import dev.omskit.core.support.Checks;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tax engine in memory: a rate per SKU (set by the test) or the default rate, tax rounded half-up to
 * the currency; quotes are numbered {@code tax-1}, {@code tax-2} ... Scriptable through {@link #script()}.
 * Thread-safe.
 */
public final class FakeTaxService implements TaxService {
    private final String id;
    private final VatRate defaultRate;
    private final Map<Sku, VatRate> rates = new ConcurrentHashMap<>();
    private final AtomicLong quotes = new AtomicLong();
    private final FakeScript script;

    /** A fake with id {@code fake-tax} and the default rate {@code defaultRate}. */
    public FakeTaxService(VatRate defaultRate) {
        this("fake-tax", defaultRate);
    }

    public FakeTaxService(String id, VatRate defaultRate) {
        this.id = Checks.id("id", id);
        this.defaultRate = Checks.notNull("defaultRate", defaultRate);
        this.script = new FakeScript(id);
    }

    /** Lines of {@code sku} are taxed at {@code rate}. */
    public FakeTaxService rate(Sku sku, VatRate rate) {
        rates.put(Checks.notNull("sku", sku), Checks.notNull("rate", rate));
        return this;
    }

    /** The scripted behaviour and the record of calls. */
    public FakeScript script() {
        return script;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(QUOTE);
    }

    @Override
    public TaxQuote quote(TaxRequest request) {
        Checks.notNull("request", request);
        script.enter("quote", request);
        List<TaxQuote.LineTax> lines = new ArrayList<>();
        for (TaxRequest.Line line : request.lines()) {
            VatRate rate = rates.getOrDefault(line.sku(), defaultRate);
            lines.add(
                    new TaxQuote.LineTax(line.lineId(), rate, line.net().times(rate.fraction(), RoundingMode.HALF_UP)));
        }
        return new TaxQuote(lines, "tax-" + quotes.incrementAndGet());
    }
}
