import './refusals';
import './agencies';
import './api-keys';
import './canopy-key';
