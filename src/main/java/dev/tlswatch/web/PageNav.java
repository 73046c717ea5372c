package dev.tlswatch.web;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import org.springframework.data.domain.Page;

/**
 * The page links under a paged table: first, last, and two pages either side of the
 * current one, with gaps between. Page numbers are zero-based as in {@code ?page=}; the
 * template shows them one-based.
 *
 * @param number the current page
 * @param size the page size
 * @param totalPages the number of pages
 * @param totalElements the number of rows on all pages
 * @param firstRow one-based number of the first row on this page, 0 when empty
 * @param lastRow one-based number of the last row on this page, 0 when empty
 * @param items the links to show, in order
 */
record PageNav(int number, int size, int totalPages, long totalElements, long firstRow, long lastRow,
		List<Item> items) {

	private static final int AROUND = 2;

	PageNav {
		items = List.copyOf(items);
	}

	static PageNav of(Page<?> page) {
		int number = page.getNumber();
		int totalPages = page.getTotalPages();
		long firstRow = page.hasContent() ? page.getPageable().getOffset() + 1 : 0;
		long lastRow = page.hasContent() ? firstRow + page.getNumberOfElements() - 1 : 0;
		return new PageNav(number, page.getSize(), totalPages, page.getTotalElements(), firstRow, lastRow,
				items(number, totalPages));
	}

	private static List<Item> items(int current, int totalPages) {
		SortedSet<Integer> shown = new TreeSet<>();
		if (totalPages > 0) {
			shown.add(0);
			shown.add(totalPages - 1);
		}
		for (int index = current - AROUND; index <= current + AROUND; index++) {
			if (index >= 0 && index < totalPages) {
				shown.add(index);
			}
		}
		List<Item> items = new ArrayList<>();
		int previous = -1;
		for (int index : shown) {
			if (previous >= 0 && index > previous + 1) {
				items.add(Item.GAP);
			}
			items.add(new Item(index, index == current, false));
			previous = index;
		}
		return items;
	}

	public boolean hasPrevious() {
		return this.number > 0;
	}

	public boolean hasNext() {
		return this.number + 1 < this.totalPages;
	}

	/** Whether there is more than one page to link to. */
	public boolean paged() {
		return this.totalPages > 1;
	}

	/**
	 * One link, or a gap.
	 *
	 * @param index the zero-based page
	 * @param current whether it is the page shown
	 * @param gap whether this stands for pages left out
	 */
	record Item(int index, boolean current, boolean gap) {

		static final Item GAP = new Item(-1, false, true);

		public int label() {
			return this.index + 1;
		}

	}

}
