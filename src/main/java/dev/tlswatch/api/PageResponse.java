package dev.tlswatch.api;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/**
 * One page of a list: the items and where the page lies in the whole.
 *
 * @param <T> the item type
 * @param content the items of this page
 * @param page the page's position
 */
record PageResponse<T>(List<T> content, PageMetadata page) {

	PageResponse {
		content = List.copyOf(content);
	}

	static <S, T> PageResponse<T> of(Page<S> page, Function<S, T> mapper) {
		return new PageResponse<>(page.getContent().stream().map(mapper).toList(),
				new PageMetadata(page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages()));
	}

	/**
	 * Where a page lies.
	 *
	 * @param number zero-based page number
	 * @param size requested page size
	 * @param totalElements items in all pages
	 * @param totalPages number of pages
	 */
	record PageMetadata(int number, int size, long totalElements, int totalPages) {
	}

}
