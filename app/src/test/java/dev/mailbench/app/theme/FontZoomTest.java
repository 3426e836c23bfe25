package dev.mailbench.app.theme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FontZoomTest {

    private final FontZoom zoom = new FontZoom();

    @Test
    void startsAtTheThemesOwnSize() {
        assertThat(zoom.scale()).isEqualTo(1.0);
    }

    @Test
    void zoomingInGrowsAndZoomingOutReturnsExactly() {
        zoom.zoomIn();
        zoom.zoomIn();
        assertThat(zoom.scale()).isGreaterThan(1.0);

        zoom.zoomOut();
        zoom.zoomOut();
        assertThat(zoom.scale()).isEqualTo(1.0);
    }

    @Test
    void stopsAtTheLargestAndSmallestStep() {
        for (int i = 0; i < 50; i++) {
            zoom.zoomIn();
        }
        double largest = zoom.scale();
        assertThat(zoom.atLargest().get()).isTrue();
        zoom.zoomIn();
        assertThat(zoom.scale()).isEqualTo(largest);

        for (int i = 0; i < 50; i++) {
            zoom.zoomOut();
        }
        assertThat(zoom.atSmallest().get()).isTrue();
        assertThat(zoom.scale()).isLessThan(1.0).isPositive();
    }

    @Test
    void resetReturnsToTheThemesSize() {
        zoom.zoomIn();
        zoom.zoomIn();
        zoom.zoomIn();
        zoom.reset();
        assertThat(zoom.scale()).isEqualTo(1.0);
        assertThat(zoom.atLargest().get()).isFalse();
        assertThat(zoom.atSmallest().get()).isFalse();
    }
}
