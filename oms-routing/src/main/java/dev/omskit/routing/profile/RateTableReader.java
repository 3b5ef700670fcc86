package dev.omskit.routing.profile;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.error.Violation;
import dev.omskit.core.model.Money;
import dev.omskit.routing.rule.RateTable;
import dev.omskit.routing.rule.RateZone;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Reads a {@link RateTable} from a document object, reporting every problem in it at once:
 *
 * <pre>{@code
 * currency: VND                 # ISO 4217, required
 * dimensionalDivisor: 6000      # cm3 per chargeable kg, default 6000
 * zones:                        # tried in order, at least one
 *   - name: intra-city          # required
 *     sameCity: true            # conditions, all optional: sameCity, sameRegion, maxDistanceKm
 *     brackets: [{upToGrams: 500, price: 16500}, {upToGrams: 2000, price: 22000}]
 *     stepGrams: 500            # default 500
 *     stepPrice: 2500           # per step above the last bracket; none means the last price
 * }</pre>
 */
final class RateTableReader {
    private RateTableReader() {}

    static RateTable read(RuleParams table, String enginePrefix) {
        List<Violation> problems =
                new ArrayList<>(table.unknownKeys(List.of("currency", "dimensionalDivisor", "zones")));
        Optional<Currency> currency = LoadContext.attempt(problems, () -> {
            String code = table.string("currency");
            try {
                return Money.currency(code);
            } catch (InvalidArgumentException e) {
                throw new InvalidArgumentException(Paths.rebase(e.violations(), table.path("currency"), "currency"));
            }
        });
        Optional<Integer> divisor =
                LoadContext.attempt(problems, () -> table.positiveInteger("dimensionalDivisor", 6000));
        Optional<List<RuleParams>> zoneParams = LoadContext.attempt(problems, () -> table.objects("zones"));
        if (zoneParams.isPresent() && zoneParams.get().isEmpty()) {
            problems.add(Violation.of(table.path("zones"), "REQUIRED", "a rate table needs at least one zone"));
        }
        List<RateZone> zones = new ArrayList<>();
        for (RuleParams z : zoneParams.orElse(List.of())) {
            LoadContext.attempt(problems, () -> zone(z, currency)).ifPresent(zones::add);
        }
        LoadContext.throwIfAny(problems);
        try {
            return RateTable.builder()
                    .currency(currency.orElseThrow())
                    .dimensionalDivisor(divisor.orElseThrow())
                    .zones(zones)
                    .build();
        } catch (InvalidArgumentException e) {
            throw new InvalidArgumentException(Paths.rebase(e.violations(), table.path(), enginePrefix));
        }
    }

    private static RateZone zone(RuleParams z, Optional<Currency> currency) {
        List<Violation> problems = new ArrayList<>(z.unknownKeys(
                List.of("name", "sameCity", "sameRegion", "maxDistanceKm", "brackets", "stepGrams", "stepPrice")));
        RateZone.Builder b = RateZone.builder();
        Optional<String> name = LoadContext.attempt(problems, () -> z.string("name"));
        name.ifPresent(b::name);
        LoadContext.attempt(problems, () -> b.sameCity(z.bool("sameCity", false)));
        LoadContext.attempt(problems, () -> b.sameRegion(z.bool("sameRegion", false)));
        LoadContext.attempt(problems, () -> b.maxDistanceKm(z.optionalPositiveNumber("maxDistanceKm")));
        LoadContext.attempt(problems, () -> b.stepGrams(z.positiveInteger("stepGrams", 500)));
        currency.ifPresent(c -> LoadContext.attempt(problems, () -> b.stepPrice(z.optionalMoney("stepPrice", c))));
        Optional<List<RuleParams>> brackets = LoadContext.attempt(problems, () -> z.objects("brackets"));
        if (brackets.isPresent() && brackets.get().isEmpty()) {
            problems.add(Violation.of(z.path("brackets"), "REQUIRED", "a rate zone needs at least one weight bracket"));
        }
        for (RuleParams br : brackets.orElse(List.of())) {
            LoadContext.attempt(problems, () -> bracket(br, currency)).ifPresent(b::addBrackets);
        }
        LoadContext.throwIfAny(problems);
        if (currency.isEmpty()) {
            throw new LoadContext.AlreadyReported("the rate table's currency");
        }
        try {
            return b.build();
        } catch (InvalidArgumentException e) {
            throw new InvalidArgumentException(Paths.rebase(e.violations(), z.path(), "zones[" + name.get() + "]"));
        }
    }

    private static RateZone.Bracket bracket(RuleParams br, Optional<Currency> currency) {
        List<Violation> problems = new ArrayList<>(br.unknownKeys(List.of("upToGrams", "price")));
        Optional<Integer> upTo = LoadContext.attempt(problems, () -> br.positiveInteger("upToGrams"));
        Optional<Money> price = currency.flatMap(c -> LoadContext.attempt(problems, () -> br.money("price", c)));
        LoadContext.throwIfAny(problems);
        if (currency.isEmpty()) {
            throw new LoadContext.AlreadyReported("the rate table's currency");
        }
        try {
            return new RateZone.Bracket(upTo.orElseThrow(), price.orElseThrow());
        } catch (InvalidArgumentException e) {
            throw new InvalidArgumentException(Paths.rebase(e.violations(), br.path(), null));
        }
    }
}
