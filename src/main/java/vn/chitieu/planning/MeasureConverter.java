package vn.chitieu.planning;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores a {@link Measure} as JSON text, its kind in a {@code "kind"} property.
 */
@Converter
class MeasureConverter implements AttributeConverter<Measure, String> {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	public String convertToDatabaseColumn(Measure measure) {
		return (measure != null) ? JSON.writerFor(Measure.class).writeValueAsString(measure) : null;
	}

	@Override
	public Measure convertToEntityAttribute(String json) {
		return (json != null) ? JSON.readValue(json, Measure.class) : null;
	}

}
