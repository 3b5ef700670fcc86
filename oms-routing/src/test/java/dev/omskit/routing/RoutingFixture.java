package dev.omskit.routing;

import dev.omskit.core.inventory.Location;
import dev.omskit.core.inventory.LocationCapability;
import dev.omskit.core.inventory.LocationKind;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.inventory.ProductFlag;
import dev.omskit.core.model.Address;
import dev.omskit.core.model.Channel;
import dev.omskit.core.model.ChannelKind;
import dev.omskit.core.model.GeoPoint;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Shared test data: a Vietnamese merchant with warehouses in Ho Chi Minh City, Hanoi and Da Nang, two
 * stores in Ho Chi Minh City, a dropship vendor and an engraving workshop, and a fixed clock.
 */
public final class RoutingFixture {
    public static final TenantId TENANT = TenantId.of("shop-vn");
    public static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    /** 2026-11-11 09:00 in Vietnam. */
    public static final Instant NOW = Instant.parse("2026-11-11T02:00:00Z");

    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    public static final Sku TEE = Sku.of("TEE-BLK-M");
    public static final Sku MUG = Sku.of("MUG-WHT");
    public static final Sku CAP = Sku.of("CAP-RED");
    public static final Sku GAS = Sku.of("GAS-CAN");
    public static final Sku SOFA = Sku.of("SOFA-3S");
    public static final Sku PEN = Sku.of("PEN-GOLD");

    public static final LocationId WH_HCM = LocationId.of("WH-HCM");
    public static final LocationId WH_HN = LocationId.of("WH-HN");
    public static final LocationId WH_DN = LocationId.of("WH-DN");
    public static final LocationId ST_Q1 = LocationId.of("ST-Q1");
    public static final LocationId ST_Q7 = LocationId.of("ST-Q7");
    public static final LocationId VENDOR = LocationId.of("VD-SOFA");
    public static final LocationId WORKSHOP = LocationId.of("WS-ENGRAVE");

    public static final GeoPoint HCM_Q1 = GeoPoint.of(10.7769, 106.7009);
    public static final GeoPoint HCM_Q7 = GeoPoint.of(10.7340, 106.7216);
    public static final GeoPoint HCM_THU_DUC = GeoPoint.of(10.8494, 106.7537);
    public static final GeoPoint HANOI = GeoPoint.of(21.0285, 105.8542);
    public static final GeoPoint DA_NANG = GeoPoint.of(16.0544, 108.2022);
    public static final GeoPoint CAN_THO = GeoPoint.of(10.0452, 105.7469);

    public static final Channel WEB = Channel.of("web", ChannelKind.WEB_STORE);
    public static final Channel SHOPEE = Channel.of("shopee-vn", ChannelKind.MARKETPLACE);

    private RoutingFixture() {}

    public static Address address(String city, String region, GeoPoint geo) {
        return Address.builder()
                .recipient("Nguyen Van A")
                .phone("0901234567")
                .line1("1 Le Loi")
                .city(city)
                .region(region)
                .countryCode("VN")
                .geo(geo)
                .build();
    }

    public static Address hcm() {
        return address("Ho Chi Minh City", "Ho Chi Minh", HCM_Q1);
    }

    public static Address hanoi() {
        return address("Hanoi", "Ha Noi", HANOI);
    }

    public static Location location(
            LocationId id, LocationKind kind, Address address, int priority, LocationCapability... caps) {
        return Location.builder()
                .tenant(TENANT)
                .id(id)
                .name(id.value())
                .kind(kind)
                .address(address)
                .priority(priority)
                .zone(VN)
                .capabilities(Set.of(caps))
                .build();
    }

    /** Three warehouses (HCM priority 1, HN 2, DN 3), two HCM stores, the dropship vendor and the workshop. */
    public static List<Location> locations() {
        List<Location> all = new ArrayList<>();
        all.add(location(
                WH_HCM,
                LocationKind.WAREHOUSE_MAIN,
                address("Thu Duc", "Ho Chi Minh", HCM_THU_DUC),
                1,
                LocationCapability.SHIPS,
                LocationCapability.ACCEPTS_RETURNS));
        all.add(location(WH_HN, LocationKind.WAREHOUSE_BRANCH, hanoi(), 2, LocationCapability.SHIPS));
        all.add(location(
                WH_DN,
                LocationKind.WAREHOUSE_BRANCH,
                address("Da Nang", "Da Nang", DA_NANG),
                3,
                LocationCapability.SHIPS));
        all.add(location(
                ST_Q1,
                LocationKind.STORE,
                address("Ho Chi Minh City", "Ho Chi Minh", HCM_Q1),
                5,
                LocationCapability.SHIPS,
                LocationCapability.PICKUP));
        all.add(location(
                ST_Q7,
                LocationKind.STORE,
                address("Ho Chi Minh City", "Ho Chi Minh", HCM_Q7),
                5,
                LocationCapability.SHIPS,
                LocationCapability.PICKUP));
        all.add(location(
                VENDOR,
                LocationKind.DROPSHIP_VENDOR,
                address("Binh Duong", "Binh Duong", HCM_THU_DUC),
                9,
                LocationCapability.SHIPS));
        all.add(location(
                WORKSHOP,
                LocationKind.WAREHOUSE_SUB,
                address("Ho Chi Minh City", "Ho Chi Minh", HCM_Q1),
                8,
                LocationCapability.SHIPS));
        return all;
    }

    public static Product product(Sku sku, int grams, ProductFlag... flags) {
        return Product.builder()
                .tenant(TENANT)
                .sku(sku)
                .name(sku.value())
                .weightGrams(grams)
                .flags(Set.of(flags))
                .build();
    }

    /** Products: TEE 200 g, MUG 350 g, CAP 100 g, GAS hazardous, SOFA dropship only, PEN 20 g. */
    public static List<Product> products() {
        return List.of(
                product(TEE, 200),
                product(MUG, 350),
                product(CAP, 100),
                product(GAS, 2000, ProductFlag.HAZARDOUS),
                product(SOFA, 40000, ProductFlag.DROPSHIP_ONLY),
                product(PEN, 20));
    }

    /** A snapshot builder over {@link #locations()} with {@link #products()}. */
    public static RoutingInput.Builder input() {
        RoutingInput.Builder b = RoutingInput.builder(locations());
        products().forEach(b::product);
        return b;
    }

    /** A SHIP request to central Ho Chi Minh City on the web channel. */
    public static RoutingRequest.Builder request(RoutingLine... lines) {
        return RoutingRequest.builder()
                .tenant(TENANT)
                .reference("o-1")
                .channel(WEB)
                .destination(hcm())
                .addLines(lines);
    }

    public static RoutingLine line(String ref, Sku sku, int quantity) {
        return RoutingLine.of(ref, sku, quantity);
    }

    public static Router router(dev.omskit.routing.profile.RoutingProfile profile) {
        return Router.builder().profile(profile).clock(CLOCK).build();
    }
}
