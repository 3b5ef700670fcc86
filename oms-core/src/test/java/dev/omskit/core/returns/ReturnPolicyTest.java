package dev.omskit.core.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.inventory.Product;
import dev.omskit.core.inventory.ProductFlag;
import dev.omskit.core.model.ChannelId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReturnPolicyTest {
    static final TenantId TENANT = TenantId.of("shop-1");
    static final Instant DELIVERED = Instant.parse("2026-11-11T16:30:00Z"); // 23:30 on the 11th in Vietnam

    @Test
    void the_window_runs_through_the_last_calendar_day_in_the_zone() {
        ReturnPolicy p = ReturnPolicy.defaults();
        assertThat(p.lastDay(DELIVERED)).isEqualTo(LocalDate.parse("2026-11-18"));
        assertThat(p.inWindow(DELIVERED, Instant.parse("2026-11-18T16:59:59Z"))).isTrue();
        assertThat(p.inWindow(DELIVERED, Instant.parse("2026-11-18T17:00:00Z"))).isFalse();
        assertThat(ReturnPolicy.builder()
                        .windowDays(0)
                        .build()
                        .inWindow(DELIVERED, Instant.parse("2026-11-11T16:59:00Z")))
                .isTrue();
    }

    @Test
    void skus_categories_and_the_returnable_flag() {
        ReturnPolicy p = ReturnPolicy.builder()
                .addNonReturnableSkus(Sku.of("GIFT-CARD"))
                .addNonReturnableCategories("underwear")
                .build();
        Product socks = Product.builder()
                .tenant(TENANT)
                .sku(Sku.of("SOCKS"))
                .name("Socks")
                .category("underwear")
                .build();
        Product shirt = Product.builder()
                .tenant(TENANT)
                .sku(Sku.of("SHIRT"))
                .name("Shirt")
                .build();
        assertThat(p.notReturnable(Sku.of("GIFT-CARD"), Optional.empty())).isPresent();
        assertThat(p.notReturnable(socks.sku(), Optional.of(socks)))
                .get()
                .asString()
                .contains("underwear");
        assertThat(p.notReturnable(shirt.sku(), Optional.of(shirt))).isEmpty();
        ReturnPolicy flagged =
                ReturnPolicy.builder().requireReturnableFlag(true).build();
        assertThat(flagged.notReturnable(shirt.sku(), Optional.of(shirt))).isPresent();
        assertThat(flagged.notReturnable(shirt.sku(), Optional.empty())).isPresent();
        Product returnable =
                Product.builder().from(shirt).addFlags(ProductFlag.RETURNABLE).build();
        assertThat(flagged.notReturnable(shirt.sku(), Optional.of(returnable))).isEmpty();
    }

    @Test
    void the_fee_applies_unless_waived_and_bad_settings_are_refused() {
        ReturnPolicy p = ReturnPolicy.builder()
                .restockingFeePercent(BigDecimal.valueOf(15))
                .build();
        assertThat(p.feeApplies(ReturnReason.CHANGED_MIND)).isTrue();
        assertThat(p.feeApplies(ReturnReason.DEFECTIVE)).isFalse();
        assertThat(ReturnPolicy.defaults().feeApplies(ReturnReason.CHANGED_MIND))
                .isFalse();
        assertThatThrownBy(() -> ReturnPolicy.builder().windowDays(-1).build())
                .isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> ReturnPolicy.builder()
                        .restockingFeePercent(BigDecimal.valueOf(101))
                        .build())
                .isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void the_config_looks_up_channel_then_tenant_then_default() {
        ReturnPolicy web = ReturnPolicy.builder().windowDays(30).build();
        ReturnPolicy tenant = ReturnPolicy.builder().windowDays(14).build();
        ReturnsConfig c = ReturnsConfig.builder()
                .channelPolicy(TENANT, ChannelId.of("web"), web)
                .putTenantPolicies(TENANT, tenant)
                .build();
        assertThat(c.policy(TENANT, ChannelId.of("web"))).isEqualTo(web);
        assertThat(c.policy(TENANT, ChannelId.of("shopee"))).isEqualTo(tenant);
        assertThat(c.policy(TenantId.of("other"), ChannelId.of("web"))).isEqualTo(ReturnPolicy.defaults());
    }
}
